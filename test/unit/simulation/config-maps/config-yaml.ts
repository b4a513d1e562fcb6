/** YAML builders for the ConfigMap and Secret tests. */

export function configMap(
  name: string,
  data: Record<string, string>,
  binaryKeys: string[] = [],
): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}`, 'data:'];
  for (const [key, value] of Object.entries(data)) lines.push(`  ${key}: "${value}"`);
  if (binaryKeys.length > 0) {
    lines.push('binaryData:');
    for (const key of binaryKeys) lines.push(`  ${key}: AAEC`);
  }
  return lines.join('\n');
}

export function secret(
  name: string,
  options: { data?: string[]; stringData?: string[]; type?: string } = {},
): string {
  const lines = ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}`];
  if (options.type) lines.push(`type: ${options.type}`);
  if (options.data && options.data.length > 0) {
    lines.push('data:', ...options.data.map((key) => `  ${key}: c2VjcmV0`));
  }
  if (options.stringData && options.stringData.length > 0) {
    lines.push('stringData:', ...options.stringData.map((key) => `  ${key}: secret`));
  }
  return lines.join('\n');
}

/** A Pod whose spec is the given lines, indented under `spec:`. */
export function pod(name: string, specLines: string[]): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    ...specLines.map((line) => `  ${line}`),
  ].join('\n');
}

export function docs(...parts: string[]): string {
  return parts.join('\n---\n') + '\n';
}
