import { formatPath, type JsonPath } from '../../model/json';

/**
 * The access-mode checks that `ValidatePersistentVolumeSpec` and
 * `ValidatePersistentVolumeClaimSpec` share (pkg/apis/core/validation/validation.go):
 * at least one mode, and ReadWriteOncePod never combined with another mode.
 * Unknown modes are left to the schema's enum.
 */
export type AccessModesProblem =
  | { kind: 'missing'; path: JsonPath; message: string }
  | { kind: 'conflict'; path: JsonPath; message: string };

const SUPPORTED = new Set(['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);

/**
 * Checks the `accessModes` of a PV or claim spec at `specPath`. A missing list
 * is reported at `…accessModes` (use `nearestPath` to land on its parent).
 */
export function checkAccessModes(
  modes: unknown,
  specPath: JsonPath,
  requiredDetail: string,
): AccessModesProblem | undefined {
  const path = [...specPath, 'accessModes'];
  if (modes === undefined || modes === null || (Array.isArray(modes) && modes.length === 0)) {
    return {
      kind: 'missing',
      path,
      message: `${formatPath(path)}: Required value: ${requiredDetail}`,
    };
  }
  if (!Array.isArray(modes)) return undefined;
  const known = modes.filter(
    (mode): mode is string => typeof mode === 'string' && SUPPORTED.has(mode),
  );
  const others = known.filter((mode) => mode !== 'ReadWriteOncePod');
  if (known.includes('ReadWriteOncePod') && others.length > 0) {
    return {
      kind: 'conflict',
      path,
      message: `${formatPath(path)}: Forbidden: may not use ReadWriteOncePod with other access modes (found ${known.join(', ')}); ReadWriteOncePod must be the only mode`,
    };
  }
  return undefined;
}
