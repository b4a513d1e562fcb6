/**
 * apimachinery's name validators (k8s.io/apimachinery/pkg/util/validation),
 * rule for rule. Each returns the list of problems, worded as the API server
 * words them; an empty list means valid.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const IANA_SVC_NAME_CHARS = /^[-a-z0-9]+$/;
const IANA_SVC_NAME_LETTER = /[a-z]/;
const WILDCARD_DNS1123_SUBDOMAIN =
  /^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;
export const DNS1035_LABEL_MAX = 63;
export const QUALIFIED_NAME_MAX = 63;
export const LABEL_VALUE_MAX = 63;

/** IsDNS1123Label: lowercase alphanumerics and '-', starts and ends alphanumeric, ≤ 63. */
export function checkDns1123Label(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1123_LABEL_MAX)
    problems.push(`must be no more than ${DNS1123_LABEL_MAX} characters`);
  if (!DNS1123_LABEL.test(value)) {
    problems.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc')",
    );
  }
  return problems;
}

/** IsDNS1123Subdomain: dot-separated DNS-1123 labels, ≤ 253. */
export function checkDns1123Subdomain(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX)
    problems.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX} characters`);
  if (!DNS1123_SUBDOMAIN.test(value)) {
    problems.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')",
    );
  }
  return problems;
}

/** IsDNS1035Label: like a DNS-1123 label but must start with a letter, ≤ 63. */
export function checkDns1035Label(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1035_LABEL_MAX)
    problems.push(`must be no more than ${DNS1035_LABEL_MAX} characters`);
  if (!DNS1035_LABEL.test(value)) {
    problems.push(
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123')",
    );
  }
  return problems;
}

/** IsWildcardDNS1123Subdomain: `*.` followed by a DNS-1123 subdomain. */
export function checkWildcardDns1123Subdomain(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX)
    problems.push(`must be no more than ${DNS1123_SUBDOMAIN_MAX} characters`);
  if (!WILDCARD_DNS1123_SUBDOMAIN.test(value)) {
    problems.push(
      "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com')",
    );
  }
  return problems;
}

/**
 * IsQualifiedName: an optional DNS-1123 subdomain prefix and '/', then a name
 * of ≤ 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric.
 * Used for label keys and annotation keys.
 */
export function checkQualifiedName(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const problems: string[] = [];
  if (parts.length === 1) {
    name = parts[0] ?? '';
  } else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix.length === 0) problems.push('prefix part must be non-empty');
    else problems.push(...checkDns1123Subdomain(prefix).map((p) => `prefix part ${p}`));
  } else {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) problems.push('name part must be non-empty');
  else if (name.length > QUALIFIED_NAME_MAX)
    problems.push(`name part must be no more than ${QUALIFIED_NAME_MAX} characters`);
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) {
    problems.push(
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc')",
    );
  }
  return problems;
}

/** IsValidLabelValue: empty, or ≤ 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric. */
export function checkLabelValue(value: string): string[] {
  const problems: string[] = [];
  if (value.length > LABEL_VALUE_MAX)
    problems.push(`must be no more than ${LABEL_VALUE_MAX} characters`);
  if (!LABEL_VALUE.test(value)) {
    problems.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345')",
    );
  }
  return problems;
}

/** IsValidPortNum: 1 to 65535. */
export function checkPortNumber(value: number): string[] {
  return Number.isInteger(value) && value >= 1 && value <= 65535
    ? []
    : ['must be between 1 and 65535, inclusive'];
}

/**
 * IsValidPortName (an IANA_SVC_NAME, RFC 6335): ≤ 15 characters, lowercase
 * alphanumerics and '-', at least one letter, no leading, trailing or double '-'.
 */
export function checkPortName(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 15) problems.push('must be no more than 15 characters');
  if (!IANA_SVC_NAME_CHARS.test(value))
    problems.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (value.includes('--')) problems.push('must not contain consecutive hyphens');
  if (!IANA_SVC_NAME_LETTER.test(value)) problems.push('must contain at least one letter (a-z)');
  if (value.startsWith('-') || value.endsWith('-'))
    problems.push('must not begin or end with a hyphen');
  return problems;
}
