/**
 * The one wording of each input rule (snapshot names, descriptions, the API address, the name
 * template), as catalog codes: the API client's refusals and the core's guards and settings checks
 * both say them through these, in the user's language.
 */
import { checkApiBaseUrl } from '../settings';
import {
  SNAPSHOT_DESCRIPTION_MAX,
  SNAPSHOT_NAME_MAX,
  badNameCharacters,
  checkDescription,
  checkNameTemplate,
  checkSnapshotName,
  unknownPlaceholders,
} from '../snapshot-name';
import type { CatalogMessage } from '../state';
import type { MessageKey } from './catalogs';

/** The longest name template accepted (checkNameTemplate's bound). */
const TEMPLATE_MAX = 200;

/** Why this snapshot name cannot be used, or null. */
export function nameRule(name: string): CatalogMessage | null {
  const problem = checkSnapshotName(name);
  if (problem === null) return null;
  if (problem === 'empty') return { code: 'rule.name.empty' };
  if (problem === 'too_long') {
    return { code: 'rule.name.tooLong', params: { max: SNAPSHOT_NAME_MAX, length: name.length } };
  }
  // Quoted as they are (a space too), so the parameter holds no words of any language.
  const chars = badNameCharacters(name)
    .slice(0, 5)
    .map((c) => `“${c}”`)
    .join(', ');
  return { code: 'rule.name.badCharacters', params: { chars } };
}

/** Why this description cannot be used, or null. */
export function descriptionRule(description: string): CatalogMessage | null {
  const problem = checkDescription(description);
  if (problem === null) return null;
  return problem === 'too_long'
    ? { code: 'rule.description.tooLong', params: { max: SNAPSHOT_DESCRIPTION_MAX } }
    : { code: 'rule.description.control' };
}

/** Why this API base URL is refused, or null. */
export function apiUrlRule(url: string): CatalogMessage | null {
  const problem = checkApiBaseUrl(url);
  if (problem === null) return null;
  const codes = {
    invalid: 'rule.url.invalid',
    insecure: 'rule.url.insecure',
    credentials: 'rule.url.credentials',
  } as const satisfies Record<typeof problem, MessageKey>;
  return { code: codes[problem] };
}

/** Why this snapshot name template is refused, or null. */
export function templateRule(template: string): CatalogMessage | null {
  const problem = checkNameTemplate(template);
  if (problem === null) return null;
  if (problem === 'too_long') return { code: 'rule.template.tooLong', params: { max: TEMPLATE_MAX } };
  if (problem === 'unknown_placeholder') {
    return {
      code: 'rule.template.unknownPlaceholder',
      params: { found: unknownPlaceholders(template).join(', ') },
    };
  }
  return { code: problem === 'empty' ? 'rule.template.empty' : 'rule.template.noPlaceholder' };
}
