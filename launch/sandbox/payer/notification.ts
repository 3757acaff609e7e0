// The payer's side of PAS subscriptions: a rest-hook Subscription on the PAS topic, and the notification Bundle
// (R4 Subscriptions Backport: a history Bundle opening with the status Parameters) that carries the decided response.
import { createHash } from 'node:crypto';
import { arr, obj, type Json } from './request-bundle';

export const PAS_TOPIC = 'http://hl7.org/fhir/us/davinci-pas/SubscriptionTopic/PASSubscriptionTopic';

export interface Sub {
  id: string;
  clientId: string;
  endpoint: string;
  headers: string[];
  events: number;
}

/** The Subscription a client posted, or why it is refused. */
export function readSubscription(body: unknown, clientId: string, serial: number): { sub: Sub; resource: Json } | string {
  const s = obj(body);
  const channel = obj(s?.channel);
  if (s?.resourceType !== 'Subscription' || channel?.type !== 'rest-hook' || typeof channel.endpoint !== 'string') {
    return 'A Subscription needs channel.type rest-hook and channel.endpoint.';
  }
  if (s.criteria !== PAS_TOPIC) return `Subscription.criteria must be the PAS topic ${PAS_TOPIC}.`;
  const id = `sub-${serial}-${createHash('sha256').update(channel.endpoint).digest('hex').slice(0, 8)}`;
  return {
    sub: {
      id,
      clientId,
      endpoint: channel.endpoint,
      headers: arr(channel.header).filter((h): h is string => typeof h === 'string'),
      events: 0,
    },
    resource: { ...s, id, status: 'active' },
  };
}

/** The notification for one more event on `sub` (its count already raised), carrying the response as its focus. */
export function notificationBundle(base: string, sub: Sub, serial: number, response: Json, at: string): Json {
  return {
    resourceType: 'Bundle',
    type: 'history',
    timestamp: at,
    entry: [
      {
        fullUrl: `${base}/fhir/Parameters/${sub.id}-${sub.events}`,
        resource: {
          resourceType: 'Parameters',
          parameter: [
            { name: 'subscription', valueReference: { reference: `${base}/fhir/Subscription/${sub.id}` } },
            { name: 'topic', valueCanonical: PAS_TOPIC },
            { name: 'type', valueCode: 'event-notification' },
            {
              name: 'notification-event',
              part: [
                { name: 'event-number', valueString: String(sub.events) },
                { name: 'timestamp', valueInstant: at },
                { name: 'focus', valueReference: { reference: `${base}/fhir/Bundle/${serial}` } },
              ],
            },
          ],
        },
      },
      { fullUrl: `${base}/fhir/Bundle/${serial}`, resource: response },
    ],
  };
}

/** The HTTP headers a subscriber asked for ("name: value" strings, e.g. its shared secret). */
export function subscriberHeaders(sub: Sub): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/fhir+json' };
  for (const h of sub.headers) {
    const i = h.indexOf(':');
    if (i > 0) headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  return headers;
}
