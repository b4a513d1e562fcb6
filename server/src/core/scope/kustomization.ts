import { parse } from 'yaml';

/** File names kustomize accepts for a kustomization. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/**
 * The `resources` (and the older `bases`) a kustomization names, as written:
 * files and folders relative to the kustomization's folder. Remote resources
 * (URLs) are left out. Never throws; a broken file names nothing.
 */
export function readKustomizationResources(text: string): string[] {
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const entries: unknown[] = [record.resources, record.bases].flatMap((list): unknown[] =>
    Array.isArray(list) ? (list as unknown[]) : [],
  );
  return entries.filter(
    (entry): entry is string =>
      typeof entry === 'string' && !/^[a-z]+:\/\//i.test(entry) && !entry.startsWith('git@'),
  );
}
