/**
 * The JSON Schema of a cluster file (`--cluster FILE`, `.slipway/cluster.yaml`):
 * the simulation report's `cluster` object, every field optional.
 * Contract: shared design document simulation-report.md, "The cluster file".
 */
export const CLUSTER_FILE_SCHEMA = {
  $id: 'https://slipway.dev/schemas/cluster.json',
  title: 'Slipway cluster file',
  description:
    'Describes the cluster Slipway simulates: its nodes, networks, ingress classes and storage classes. Every field falls back to the default cluster.',
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string', description: 'A name for this cluster, shown in reports.' },
    serviceCIDR: {
      type: 'string',
      pattern: '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$',
      description: 'The range ClusterIPs are allocated from (default 10.96.0.0/12).',
    },
    podCIDR: {
      type: 'string',
      pattern: '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$',
      description: 'The range pod IPs come from (default 10.244.0.0/16), a /24 per node.',
    },
    nodePortRange: {
      type: 'string',
      pattern: '^\\d{1,5}-\\d{1,5}$',
      description: 'The NodePort range (default 30000-32767).',
    },
    clusterDomain: {
      type: 'string',
      description: 'The DNS domain of the cluster (default cluster.local).',
    },
    nodes: {
      type: 'array',
      description: 'The nodes; given, the list replaces the default nodes.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string' },
          ip: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}$' },
          podCIDR: { type: 'string', pattern: '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$' },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          taints: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['key', 'effect'],
              properties: {
                key: { type: 'string' },
                value: { type: 'string' },
                effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
              },
            },
          },
          allocatable: {
            type: 'object',
            additionalProperties: false,
            properties: {
              cpu: { type: ['string', 'number'] },
              memory: { type: ['string', 'number'] },
              pods: { type: ['string', 'number'] },
            },
          },
        },
      },
    },
    ingressClasses: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string' },
          controller: { type: 'string' },
          default: { type: 'boolean' },
        },
      },
    },
    storageClasses: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string' },
          provisioner: { type: 'string' },
          default: { type: 'boolean' },
          volumeBindingMode: { enum: ['Immediate', 'WaitForFirstConsumer'] },
        },
      },
    },
  },
} as const;
