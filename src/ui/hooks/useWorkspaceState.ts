// Where the user was: the open tab survives a reload (sessionStorage, the tab id only: no PHI), and closing the
// evidence panel (Escape or Close) returns focus to the link that opened it instead of dropping it on the page body.
import { useCallback, useRef, useState } from 'react';
import type { Evidence } from '../../policy/index';
import type { TabId } from '../components/Tabs';

const TAB_KEY = 'claimready.tab';
const TAB_IDS: readonly TabId[] = ['visit', 'coding', 'prior-auth'];

function storedTab(): TabId {
  try {
    const v = sessionStorage.getItem(TAB_KEY);
    return TAB_IDS.find((t) => t === v) ?? 'visit';
  } catch {
    return 'visit'; // storage blocked (cross-site frame): start on the first tab
  }
}

export function useStoredTab(): [TabId, (t: TabId) => void] {
  const [tab, setTab] = useState<TabId>(storedTab);
  const choose = useCallback((t: TabId) => {
    setTab(t);
    try {
      sessionStorage.setItem(TAB_KEY, t);
    } catch {
      // storage blocked: the tab is simply not remembered
    }
  }, []);
  return [tab, choose];
}

export function useEvidencePanel(): { evidence: Evidence | null; open(e: Evidence): void; close(): void } {
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = useCallback((e: Evidence) => {
    const active = typeof document !== 'undefined' ? document.activeElement : null;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setEvidence(e);
  }, []);
  const close = useCallback(() => {
    setEvidence(null);
    const el = opener.current;
    opener.current = null;
    // After the panel unmounts, so the focus is not taken back by it.
    if (el) setTimeout(() => el.isConnected && el.focus(), 0);
  }, []);
  return { evidence, open, close };
}
