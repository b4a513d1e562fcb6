/** Small YAML builders for PersistentVolumes and claims in the binding tests. */

export interface VolumeOptions {
  size: string;
  /** `storageClassName`; omitted when undefined. */
  className?: string;
  modes?: string[];
  volumeMode?: string;
  labels?: Record<string, string>;
  claimRef?: { name: string; namespace?: string };
  /** `kubernetes.io/hostname` the volume is local to. */
  node?: string;
}

export function pv(name: string, options: VolumeOptions): string {
  const lines = ['apiVersion: v1', 'kind: PersistentVolume', 'metadata:', `  name: ${name}`];
  if (options.labels) {
    lines.push('  labels:');
    for (const [key, value] of Object.entries(options.labels)) lines.push(`    ${key}: ${value}`);
  }
  lines.push('spec:', '  capacity:', `    storage: ${options.size}`, '  accessModes:');
  for (const mode of options.modes ?? ['ReadWriteOnce']) lines.push(`  - ${mode}`);
  if (options.className !== undefined) lines.push(`  storageClassName: "${options.className}"`);
  if (options.volumeMode) lines.push(`  volumeMode: ${options.volumeMode}`);
  if (options.claimRef) {
    lines.push('  claimRef:', `    name: ${options.claimRef.name}`);
    lines.push(`    namespace: ${options.claimRef.namespace ?? 'default'}`);
  }
  if (options.node) {
    lines.push(
      '  local:',
      '    path: /mnt/disks/ssd1',
      '  nodeAffinity:',
      '    required:',
      '      nodeSelectorTerms:',
      '      - matchExpressions:',
      '        - key: kubernetes.io/hostname',
      '          operator: In',
      `          values: [${options.node}]`,
    );
  } else {
    lines.push('  hostPath:', `    path: /mnt/${name}`);
  }
  return lines.join('\n');
}

export interface ClaimOptions {
  size: string;
  /** `storageClassName`; omitted when undefined (`""` writes an empty class). */
  className?: string;
  modes?: string[];
  volumeMode?: string;
  volumeName?: string;
  selector?: string[];
  namespace?: string;
}

export function pvc(name: string, options: ClaimOptions): string {
  const lines = ['apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata:', `  name: ${name}`];
  if (options.namespace) lines.push(`  namespace: ${options.namespace}`);
  lines.push('spec:', '  accessModes:');
  for (const mode of options.modes ?? ['ReadWriteOnce']) lines.push(`  - ${mode}`);
  if (options.className !== undefined) lines.push(`  storageClassName: "${options.className}"`);
  if (options.volumeMode) lines.push(`  volumeMode: ${options.volumeMode}`);
  if (options.volumeName) lines.push(`  volumeName: ${options.volumeName}`);
  if (options.selector) lines.push('  selector:', ...options.selector.map((line) => `    ${line}`));
  lines.push('  resources:', '    requests:', `      storage: ${options.size}`);
  return lines.join('\n');
}

export function storageClass(
  name: string,
  options: { provisioner?: string; mode?: string; isDefault?: boolean } = {},
): string {
  const lines = [
    'apiVersion: storage.k8s.io/v1',
    'kind: StorageClass',
    'metadata:',
    `  name: ${name}`,
  ];
  if (options.isDefault) {
    lines.push('  annotations:', '    storageclass.kubernetes.io/is-default-class: "true"');
  }
  lines.push(`provisioner: ${options.provisioner ?? 'rancher.io/local-path'}`);
  if (options.mode) lines.push(`volumeBindingMode: ${options.mode}`);
  return lines.join('\n');
}

export function podUsing(name: string, claims: string[]): string {
  const lines = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  containers:',
    '  - name: app',
    '    image: busybox:1.36',
    '  volumes:',
  ];
  claims.forEach((claim, index) => {
    lines.push(`  - name: vol${index}`, '    persistentVolumeClaim:', `      claimName: ${claim}`);
  });
  return lines.join('\n');
}

export function docs(...parts: string[]): string {
  return parts.join('\n---\n') + '\n';
}
