import { describe, expect, it } from 'vitest';
import { isGsm7, smsSegments } from '../../api/src/platform/sms/sms-segments.js';

describe('SMS segments', () => {
  it('an empty text costs nothing', () => {
    expect(smsSegments('')).toEqual({ encoding: 'GSM-7', segments: 0, units: 0, perSegment: 160, remaining: 160 });
  });

  it('GSM-7: 160 characters in one message, then parts of 153', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160, perSegment: 160, remaining: 0 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161, perSegment: 153, remaining: 145 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3, remaining: 152 });
    expect(smsSegments('Hello Ana, your order ships today.')).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 34, remaining: 126 });
  });

  it("GSM-7's own accents and symbols stay GSM-7 (é, ñ, ü, £, ¥, §, Δ)", () => {
    expect(isGsm7('Café niño über £5 ¥3 §2 Δ @ $ _ ¿¡')).toBe(true);
    expect(smsSegments('é'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('extension characters (€ [ ] { } ~ ^ | \\) take two septets', () => {
    expect(smsSegments('€')).toMatchObject({ encoding: 'GSM-7', units: 2, remaining: 158 });
    expect(smsSegments('€'.repeat(80))).toMatchObject({ segments: 1, units: 160, remaining: 0 });
    expect(smsSegments(`${'a'.repeat(159)}€`)).toMatchObject({ segments: 2, units: 161 });
    expect(smsSegments('[]{}~^|\\').units).toBe(16);
  });

  it('a part never splits an extension character: it moves whole to the next part', () => {
    // 152 septets then €: 154 would not fit in a 153-septet part, so € opens part two.
    const text = `${'a'.repeat(152)}€${'b'.repeat(10)}`;
    expect(smsSegments(text)).toMatchObject({ encoding: 'GSM-7', segments: 2, units: 164, remaining: 153 - 12 });
  });

  it('anything else makes the whole text UCS-2: 70 code units, then parts of 67', () => {
    expect(smsSegments('Bună ziua')).toMatchObject({ encoding: 'UCS-2', segments: 1, units: 9, perSegment: 70, remaining: 61 });
    expect(smsSegments('ă'.repeat(70))).toMatchObject({ encoding: 'UCS-2', segments: 1, remaining: 0 });
    expect(smsSegments('ă'.repeat(71))).toMatchObject({ encoding: 'UCS-2', segments: 2, perSegment: 67, remaining: 63 });
    expect(smsSegments('ă'.repeat(134)).segments).toBe(2);
    expect(smsSegments('ă'.repeat(135)).segments).toBe(3);
    // Greek capitals in GSM-7 (Δ) but lower case (α) is not.
    expect(smsSegments('Καλημέρα').encoding).toBe('UCS-2');
  });

  it('an emoji takes two code units, and a part never splits it', () => {
    expect(smsSegments('👍')).toMatchObject({ encoding: 'UCS-2', units: 2, remaining: 68 });
    expect(smsSegments('👍'.repeat(35))).toMatchObject({ segments: 1, units: 70 });
    expect(smsSegments(`${'ă'.repeat(66)}👍`)).toMatchObject({ segments: 1, units: 68 });
    // Once split, 66 units then an emoji: 68 would not fit in a 67-unit part, so the emoji opens part two.
    expect(smsSegments(`${'ă'.repeat(70)}👍`)).toMatchObject({ segments: 2, units: 72, remaining: 67 - 5 });
    expect(smsSegments(`${'ă'.repeat(66)}👍${'ă'.repeat(10)}`)).toMatchObject({ segments: 2, units: 78, remaining: 67 - 12 });
  });

  it('line breaks are GSM-7; a tab is not', () => {
    expect(smsSegments('line one\nline two\r\n').encoding).toBe('GSM-7');
    expect(smsSegments('a\tb').encoding).toBe('UCS-2');
  });
});
