// EHR resources restated the way their PAS profile asks, without changing what they say. PAS ServiceRequest admits
// only a Timing for occurrence[x]: a planned date becomes Timing.event (the same instant); a period's start is the
// event and its end is kept in the order's note, since PAS Timing allows only a Duration as bounds.
import type { ServiceRequest } from 'fhir/r4';

export function pasServiceRequest(sr: ServiceRequest): ServiceRequest {
  const { occurrenceDateTime, occurrencePeriod, ...rest } = sr;
  if (occurrenceDateTime) return { ...rest, occurrenceTiming: { event: [occurrenceDateTime] } };
  if (occurrencePeriod?.start) {
    const note = occurrencePeriod.end
      ? [...(sr.note ?? []), { text: `Requested period: ${occurrencePeriod.start.slice(0, 10)} to ${occurrencePeriod.end.slice(0, 10)}` }]
      : sr.note;
    return { ...rest, occurrenceTiming: { event: [occurrencePeriod.start] }, ...(note ? { note } : {}) };
  }
  return occurrencePeriod ? { ...rest } : sr;
}
