// Applies the EHR's smart_style_url (colours, fonts, radius) so the app looks at home inside the chart.
import { useEffect } from 'react';
import { z } from 'zod';

const styleSchema = z
  .object({
    color_background: z.string(),
    color_error: z.string(),
    color_highlight: z.string(),
    color_success: z.string(),
    color_text: z.string(),
    dim_border_radius: z.string(),
    dim_font_size: z.string(),
    font_family_body: z.string(),
    font_family_heading: z.string(),
  })
  .partial();

// CSS values only: a style document must not be able to smuggle in url() loads or rule breaks.
const SAFE_VALUE = /^[#(),.%\w\s'"-]{1,120}$/;

const VARS: Record<string, keyof z.infer<typeof styleSchema>> = {
  '--cr-bg': 'color_background',
  '--cr-fg': 'color_text',
  '--cr-accent': 'color_highlight',
  '--cr-ok': 'color_success',
  '--cr-bad': 'color_error',
  '--cr-radius': 'dim_border_radius',
  '--cr-font-size': 'dim_font_size',
  '--cr-font': 'font_family_body',
  '--cr-font-heading': 'font_family_heading',
};

export function applySmartStyle(doc: unknown, target: HTMLElement): number {
  const parsed = styleSchema.safeParse(doc);
  if (!parsed.success) return 0;
  let applied = 0;
  for (const [cssVar, key] of Object.entries(VARS)) {
    const value = parsed.data[key];
    if (value && SAFE_VALUE.test(value) && !/url\s*\(/i.test(value)) {
      target.style.setProperty(cssVar, value);
      applied++;
    }
  }
  return applied;
}

export function useSmartStyle(url: string | undefined): void {
  useEffect(() => {
    if (!url) return;
    const ctrl = new AbortController();
    fetch(url, { signal: ctrl.signal })
      .then((r) => (r.ok ? r.json() : undefined))
      .then((doc: unknown) => {
        if (doc) applySmartStyle(doc, document.documentElement);
      })
      // The default look is fine when the style document cannot be had.
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [url]);
}
