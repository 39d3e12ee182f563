import { describe, expect, it } from 'vitest';
import { codeEvent, isIssue } from '$core/stats/survival/event';
import { minmin } from '$core/stats/survival/kaplan-meier';
import { concordance, coxOrder } from '$core/stats/survival/cox';

describe('survival kernels', () => {
  it('event coding: 1/2 -> 2 is the event; 0/1; FALSE/TRUE', () => {
    const e = codeEvent({ kind: 'categorical', name: 's', type: 'integer', levels: ['1', '2'], codes: Int32Array.from([0, 1, -1]) });
    expect(isIssue(e)).toBe(false);
    if (!isIssue(e)) expect(Array.from(e.event)).toEqual([0, 1, 255]);
    const b = codeEvent({ kind: 'numeric', name: 'b', type: 'boolean', values: Float64Array.from([1, 0]) });
    if (!isIssue(b)) expect(b.eventLabel).toBe('TRUE');
  });
  it('minmin averages an exact 0.5 plateau', () => {
    expect(minmin([0.9, 0.5, 0.5, 0.3], [1, 2, 3, 4])).toBe(3);
    expect(minmin([0.9, 0.6], [1, 2])).toBeNaN();
  });
  it('concordance matches a brute-force pair count', () => {
    const time = Float64Array.from([5, 3, 3, 8, 1, 9, 4, 4]);
    const event = Uint8Array.from([1, 1, 0, 0, 1, 1, 1, 1]);
    const lp = Float64Array.from([0.2, 0.5, 0.1, -0.3, 0.9, 0.2, 0.4, 0.4]);
    let c = 0;
    let d = 0;
    let t = 0;
    for (let i = 0; i < 8; i++) {
      if (!event[i]) continue;
      for (let j = 0; j < 8; j++) {
        if (!(time[j] > time[i] || (time[j] === time[i] && !event[j]))) continue;
        if (lp[i] > lp[j]) c++;
        else if (lp[i] < lp[j]) d++;
        else t++;
      }
    }
    const r = concordance(time, event, lp, null, coxOrder(time, null));
    expect([r.concordant, r.discordant, r.tied_x]).toEqual([c, d, t]);
    expect(r.concordance).toBeCloseTo((c + t / 2) / (c + d + t), 12);
  });
});
