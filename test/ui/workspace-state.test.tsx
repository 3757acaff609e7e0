// @vitest-environment jsdom
// Smaller points of issue 15: Escape in the evidence panel returns focus to the link that opened it; a reload
// returns to the last tab (the tab id only is kept, in sessionStorage).
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EvidencePanel } from '../../src/ui/components/EvidencePanel';
import { Tabs } from '../../src/ui/components/Tabs';
import { useEvidencePanel, useStoredTab } from '../../src/ui/hooks/useWorkspaceState';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

function Evidence() {
  const { evidence, open, close } = useEvidencePanel();
  return (
    <div>
      <button type="button" onClick={() => open({ ref: 'Condition/c1', display: 'Lumbar radiculopathy' })}>
        Open evidence
      </button>
      {evidence && <EvidencePanel evidence={evidence} notes={[]} onClose={close} />}
    </div>
  );
}

function Shell() {
  const [tab, setTab] = useStoredTab();
  return (
    <>
      <Tabs current={tab} onChange={setTab} />
      <p data-testid="panel">{tab}</p>
    </>
  );
}

describe('workspace state', () => {
  it('Escape closes the evidence panel and puts focus back on the evidence link', async () => {
    render(<Evidence />);
    const link = screen.getByRole('button', { name: 'Open evidence' });
    link.focus();
    fireEvent.click(link);
    const dialog = await screen.findByTestId('evidence-panel');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('evidence-panel')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(link));
  });

  it('a reload returns to the last tab chosen', () => {
    const first = render(<Shell />);
    expect(screen.getByTestId('panel').textContent).toBe('visit');
    act(() => fireEvent.click(screen.getByRole('tab', { name: 'Prior auth' })));
    expect(screen.getByTestId('panel').textContent).toBe('prior-auth');
    first.unmount();
    render(<Shell />);
    expect(screen.getByTestId('panel').textContent).toBe('prior-auth');
    expect(sessionStorage.getItem('claimready.tab')).toBe('prior-auth');
  });

  it('an unknown stored value starts on the first tab', () => {
    sessionStorage.setItem('claimready.tab', '<script>');
    render(<Shell />);
    expect(screen.getByTestId('panel').textContent).toBe('visit');
  });
});
