import { formatPath, type JsonPath } from '../../model/json';
import { checkDns1123Subdomain } from '../../validation/name-validators';

/**
 * ValidateClassName (pkg/apis/core/validation/validation.go) is
 * NameIsDNSSubdomain: a storage or volume attributes class name is a DNS-1123
 * subdomain. Returns the API server's message, or undefined when valid.
 */
export function classNameProblem(value: string, path: JsonPath): string | undefined {
  const problems = checkDns1123Subdomain(value);
  if (problems.length === 0) return undefined;
  return `${formatPath(path)}: Invalid value: ${JSON.stringify(value)}: ${problems.join('; ')}`;
}
