// Exported ladder labels sit on a white plate covering their text box, so the lines that cross a label's row
// (a sloped arrow of its own, the next packet's) no longer strike through the text, in SVG and so in PNG.
import { describe, expect, it } from 'vitest';
import { ladderSvg } from '../../../src-main/lab/export/svg-ladder.js';
import { textBox } from '../../../src-main/lab/export/svg-text.js';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { runScenario } from '../../../src-main/lab/scenario-exec.js';

describe('exported ladder label plates', () => {
  it('third-ack-lost: every label follows a white rect that covers its estimated box', () => {
    const lesson = LESSONS.find((l) => l.id === 'third-ack-lost')!;
    const { trace } = runScenario(lesson.scenario);
    const svg = ladderSvg({ title: lesson.scenario.title, trace, hosts: lesson.scenario.hosts });
    const labels = [...svg.matchAll(/(<rect class="plate" x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"[^>]*\/>)?<text class="lbl" x="([\d.-]+)" y="([\d.-]+)" text-anchor="(\w+)"[^>]*>([^<]*)/g)];
    expect(labels.length).toBeGreaterThanOrEqual(5);
    for (const m of labels) {
      expect(m[1], `label "${m[9]}" has no plate`).toBeDefined();
      const [px, py, pw, ph] = [m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number];
      const box = textBox(Number(m[6]), Number(m[7]), m[8] as 'start', m[9]!.replace(/&amp;/g, '&'), 11);
      expect(px).toBeLessThanOrEqual(box.x0 + 0.5);
      expect(py).toBeLessThanOrEqual(box.y0 + 0.5);
      expect(px + pw).toBeGreaterThanOrEqual(box.x1 - 0.5);
      expect(py + ph).toBeGreaterThanOrEqual(box.y1 - 0.5);
    }
  });
});
