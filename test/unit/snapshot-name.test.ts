/**
 * The naming template rule (src/shared/snapshot-name.ts): date parts in local time by default and
 * in UTC with `utc:`, unknown text in braces refused, and what the window says about the clock.
 * Local time is checked by switching the process time zone (Node reads TZ when it changes).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_NAME_TEMPLATE,
  checkNameTemplate,
  parsePlaceholder,
  renderNameTemplate,
  templateClock,
  unknownPlaceholders,
} from '../../src/shared/snapshot-name';

const server = { name: 'web-server-01', id: 12345 };
// 05:22 UTC is 07:22 in Helsinki (UTC+2 in December) and 10:52 in Kolkata (UTC+5:30).
const at = new Date('2026-12-02T05:22:09Z');
const zone = process.env.TZ;

afterEach(() => {
  process.env.TZ = zone;
});

describe('renderNameTemplate', () => {
  it('fills date parts in the local time of the computer', () => {
    process.env.TZ = 'Europe/Helsinki';
    expect(renderNameTemplate(DEFAULT_NAME_TEMPLATE, { server, at })).toBe('web-server-01-20261202-0722');
    process.env.TZ = 'Asia/Kolkata';
    expect(renderNameTemplate('{yyyy-MM-dd_HH-mm-ss}', { server, at })).toBe('2026-12-02_10-52-09');
  });

  it('fills {utc:...} date parts in UTC, whatever the local zone', () => {
    process.env.TZ = 'Europe/Helsinki';
    expect(renderNameTemplate('{server}-{utc:yyyyMMdd-HHmm}', { server, at })).toBe(
      'web-server-01-20261202-0522',
    );
    // The local day can differ from the UTC day.
    process.env.TZ = 'Pacific/Auckland';
    const evening = new Date('2026-12-02T20:00:00Z');
    expect(renderNameTemplate('{yyyyMMdd}-{utc:yyyyMMdd}', { server, at: evening })).toBe(
      '20261203-20261202',
    );
  });

  it('keeps text in braces that is no placeholder as text (a template saved before the rule)', () => {
    expect(renderNameTemplate('{server}-{foo bar}', { server, at })).toBe('web-server-01-foo-bar');
  });
});

describe('the template rule', () => {
  it('knows {server}, {id}, date patterns and their utc: form, and nothing else', () => {
    expect(parsePlaceholder('server')).toEqual({ kind: 'server' });
    expect(parsePlaceholder('id')).toEqual({ kind: 'id' });
    expect(parsePlaceholder('yyyyMMdd-HHmm')).toEqual({
      kind: 'date',
      pattern: 'yyyyMMdd-HHmm',
      clock: 'local',
    });
    expect(parsePlaceholder('utc:HH_mm')).toEqual({ kind: 'date', pattern: 'HH_mm', clock: 'utc' });
    for (const key of ['foo', 'Server', 'yyy', 'yyyyy', 'yyyy.MM', '-', 'utc:', 'utc:foo', 'UTC:HHmm', '']) {
      expect(parsePlaceholder(key), key).toBeNull();
    }
  });

  it('refuses an unknown placeholder and names it', () => {
    expect(checkNameTemplate('{server}-{foo}')).toBe('unknown_placeholder');
    expect(unknownPlaceholders('{sever}-{foo}-{foo}-{yyyy}')).toEqual(['{sever}', '{foo}']);
    expect(checkNameTemplate('{server}-{utc:yyyyMMdd}')).toBeNull();
    expect(checkNameTemplate(DEFAULT_NAME_TEMPLATE)).toBeNull();
    expect(checkNameTemplate('fixed')).toBe('no_placeholder');
    expect(checkNameTemplate('  ')).toBe('empty');
    expect(checkNameTemplate(`{server}${'x'.repeat(200)}`)).toBe('too_long');
  });

  it('says which clock the date parts use', () => {
    expect(templateClock(DEFAULT_NAME_TEMPLATE)).toBe('local');
    expect(templateClock('{server}-{utc:HHmm}')).toBe('utc');
    expect(templateClock('{HHmm}-{utc:HHmm}')).toBe('mixed');
    expect(templateClock('{server}-{id}')).toBeNull();
  });
});
