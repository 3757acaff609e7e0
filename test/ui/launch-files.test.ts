// The bundle budget counts what a launch loads: the entry, the React app it imports during the token exchange,
// and their static imports; lazily opened views are not counted.
import { describe, expect, it } from 'vitest';
import { launchFiles } from '../bench/bundle';

describe('launchFiles', () => {
  it('follows static imports from the entry and boot, not the views they load later', () => {
    const manifest = {
      'src/index.html': { file: 'assets/app.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/ui/boot.tsx'] },
      'src/ui/boot.tsx': { file: 'assets/boot.js', imports: ['_shared.js', '_react.js'], dynamicImports: ['src/ui/views/PriorAuth.tsx'] },
      '_shared.js': { file: 'assets/shared.js' },
      '_react.js': { file: 'assets/react.js', imports: ['_shared.js'] },
      'src/ui/views/PriorAuth.tsx': { file: 'assets/PriorAuth.js', imports: ['_pdf.js'] },
      '_pdf.js': { file: 'assets/pdf.js' },
    };
    expect(launchFiles(manifest).sort()).toEqual(['assets/app.js', 'assets/boot.js', 'assets/react.js', 'assets/shared.js']);
  });
});
