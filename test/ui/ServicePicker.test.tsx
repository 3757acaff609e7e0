// @vitest-environment jsdom
// The procedures card never claims "no planned procedure" for a chart whose orders could not be read.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ServicePicker } from '../../src/ui/components/ServicePicker';
import { ordersUnread, type ServiceSelection } from '../../src/ui/hooks/useServiceSelection';

afterEach(cleanup);

const empty = (over: Partial<ServiceSelection> = {}): ServiceSelection => ({
  services: [],
  fromOrders: [],
  added: [],
  add: () => undefined,
  remove: () => undefined,
  ...over,
});

describe('ServicePicker', () => {
  it('says the orders were not read when their search failed', () => {
    render(<ServicePicker selection={empty({ ordersUnread: 'ServiceRequest was not read: the EHR answered 429.' })} />);
    expect(screen.getByText(/The planned orders could not be read \(ServiceRequest was not read: the EHR answered 429\.\)/)).toBeTruthy();
    expect(screen.queryByText(/No planned procedure on the chart/)).toBeNull();
  });

  it('says there is no planned procedure when the chart has none', () => {
    render(<ServicePicker selection={empty()} />);
    expect(screen.getByText(/No planned procedure on the chart/)).toBeTruthy();
  });

  it('takes only a failed ServiceRequest read as unread orders', () => {
    const issue = (resourceType: string, severity: 'error' | 'warning') => ({
      resourceType,
      severity,
      message: `${resourceType} ${severity}`,
    });
    expect(ordersUnread({ dataIssues: [issue('Observation', 'error'), issue('ServiceRequest', 'warning')] })).toBeUndefined();
    expect(ordersUnread({ dataIssues: [issue('ServiceRequest', 'error')] })).toBe('ServiceRequest error');
    expect(ordersUnread(undefined)).toBeUndefined();
  });
});
