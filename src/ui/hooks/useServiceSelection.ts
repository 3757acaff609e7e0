// Which services the views work on: the order(s) in the launch context first, else the active orders, plus any
// the user adds. User additions are kept in sessionStorage (codes and levels only) so a frame reload keeps them.
import { useCallback, useMemo, useState } from 'react';
import { z } from 'zod';
import type { ClinicalPicture, Laterality, PlannedService } from '../../policy/index';
import { serviceDef, serviceKind } from '../../policy/index';
import { regionOfLevel } from '../../policy/index';

const KEY = 'claimready.addedServices';

export interface AddedService {
  code: string;
  levels: string[];
  laterality?: Laterality;
}

export interface ServiceSelection {
  services: PlannedService[];
  fromOrders: PlannedService[];
  added: AddedService[];
  add(s: AddedService): void;
  remove(index: number): void;
  /** Why the chart's orders are unknown (their search failed on every retry), so "no orders" is never claimed. */
  ordersUnread?: string;
}

/** The ServiceRequest read failure, if any: a chart whose orders were not read is not a chart without orders. */
export function ordersUnread(picture: Pick<ClinicalPicture, 'dataIssues'> | undefined): string | undefined {
  return picture?.dataIssues.find((i) => i.resourceType === 'ServiceRequest' && i.severity === 'error')?.message;
}

const storedSchema = z.array(
  z.object({ code: z.string(), levels: z.array(z.string()), laterality: z.enum(['left', 'right', 'bilateral']).optional() }),
);

function loadAdded(): AddedService[] {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(window.sessionStorage.getItem(KEY) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function toPlanned(s: AddedService): PlannedService {
  const region = s.levels.map(regionOfLevel).find((r) => r !== undefined);
  return {
    code: s.code,
    kind: serviceKind(s.code),
    region:
      region ??
      (serviceDef(s.code)?.regionGroup === 'cervical-thoracic' ? 'cervical' : serviceDef(s.code)?.regionGroup ? 'lumbar' : undefined),
    levels: s.levels,
    laterality: s.laterality,
    reasonIcd10: [],
    source: 'coded',
    evidence: [{ ref: 'ClaimReady/user-choice', display: 'Chosen in ClaimReady by the user' }],
  };
}

export function useServiceSelection(picture: ClinicalPicture | undefined, launchOrders: string[]): ServiceSelection {
  const [added, setAdded] = useState<AddedService[]>(loadAdded);
  const fromOrders = useMemo(() => {
    const planned = picture?.plannedServices ?? [];
    const launched = planned.filter((p) => p.requestRef && launchOrders.some((id) => p.requestRef === `ServiceRequest/${id}`));
    return launched.length > 0 ? launched : planned;
  }, [picture, launchOrders]);
  const services = useMemo(() => [...fromOrders, ...added.map(toPlanned)], [fromOrders, added]);
  const persist = (next: AddedService[]) => {
    setAdded(next);
    window.sessionStorage.setItem(KEY, JSON.stringify(next));
  };
  const add = useCallback((s: AddedService) => persist([...loadAdded(), s]), []);
  const remove = useCallback((i: number) => persist(loadAdded().filter((_, n) => n !== i)), []);
  const unread = ordersUnread(picture);
  return { services, fromOrders, added, add, remove, ...(unread ? { ordersUnread: unread } : {}) };
}
