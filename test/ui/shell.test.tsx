// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { Tabs, type TabId } from '../../src/ui/components/Tabs';
import { applySmartStyle } from '../../src/ui/hooks/useSmartStyle';
import { DataIssues } from '../../src/ui/components/DataIssues';

function TabsHarness() {
  const [tab, setTab] = useState<TabId>('visit');
  return <Tabs current={tab} onChange={setTab} />;
}

describe('Tabs', () => {
  it('moves between views with the arrow keys and marks the selected tab', () => {
    render(<TabsHarness />);
    const visit = screen.getByRole('tab', { name: 'Visit checklist' });
    expect(visit.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(visit, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Coding review' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Coding review' }), { key: 'ArrowLeft' });
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Visit checklist' }), { key: 'ArrowLeft' });
    expect(screen.getByRole('tab', { name: 'Prior auth' }).getAttribute('aria-selected')).toBe('true');
  });
});

describe('applySmartStyle', () => {
  it('maps the EHR style onto the CSS variables', () => {
    const el = document.createElement('div');
    const n = applySmartStyle({ color_background: '#edeae3', color_highlight: '#69b5ce', font_family_body: 'Georgia, Times, serif' }, el);
    expect(n).toBe(3);
    expect(el.style.getPropertyValue('--cr-bg')).toBe('#edeae3');
    expect(el.style.getPropertyValue('--cr-font')).toBe('Georgia, Times, serif');
  });

  it('refuses values that could load or inject anything', () => {
    const el = document.createElement('div');
    const n = applySmartStyle({ color_background: 'url(http://evil.example/x)', color_text: 'red; } body { display:none' }, el);
    expect(n).toBe(0);
    expect(el.style.getPropertyValue('--cr-bg')).toBe('');
  });

  it('ignores a style document of the wrong shape', () => {
    expect(applySmartStyle({ color_background: 42 }, document.createElement('div'))).toBe(0);
  });
});

describe('DataIssues', () => {
  it('says how many records could not be read and lists each', () => {
    render(
      <DataIssues
        issues={[
          { resourceType: 'Observation', id: 'bad', severity: 'error', message: 'valueQuantity.value is not a number' },
          { resourceType: 'Binary', severity: 'warning', message: 'attachment could not be fetched' },
        ]}
      />,
    );
    expect(screen.getByText(/2 data issues \(1 record could not be read\)/)).toBeTruthy();
    expect(screen.getByText(/Observation\/bad: valueQuantity.value is not a number/)).toBeTruthy();
  });

  it('renders nothing when the record is clean', () => {
    const { container } = render(<DataIssues issues={[]} />);
    expect(container.innerHTML).toBe('');
  });
});

vi.stubGlobal('scrollTo', () => undefined);
