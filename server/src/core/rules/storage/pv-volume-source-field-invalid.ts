// pkg/apis/core/validation/validation.go ValidatePersistentVolumeSpec and the per-source
// validators it calls for the PV's (first) source: validateHostPathVolumeSource,
// validateLocalVolumeSource, validateNFSVolumeSource, validateCSIPersistentVolumeSource
// (ValidateCSIDriverName, validatePVSecretReference), validateISCSIPersistentVolumeSource,
// and the "Required value" checks of the in-tree sources. flexVolume is always validated.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import { checkDns1123Label, checkDns1123Subdomain } from '../../validation/name-validators';
import type { Rule, RuleReport } from '../rule';
import { presentSources } from './pv-sources';

const PV_VOLUME_SOURCE_FIELD_INVALID: CodeInfo = {
  code: 'pv-volume-source-field-invalid',
  category: 'api-server',
  severity: 'error',
  title:
    "A field of a PersistentVolume's volume source is empty or malformed (hostPath path, nfs path, csi driver, …).",
  example: 'nfs:\n  server: nfs.example.com\n  path: exports/data',
};

type Problem = Omit<RuleReport, 'code'>;

const HOST_PATH_TYPES = [
  '',
  'DirectoryOrCreate',
  'Directory',
  'FileOrCreate',
  'File',
  'Socket',
  'CharDevice',
  'BlockDevice',
];

/** String fields the in-tree validators require to be non-empty. */
const REQUIRED_STRINGS: Record<string, readonly string[]> = {
  gcePersistentDisk: ['pdName'],
  awsElasticBlockStore: ['volumeID'],
  glusterfs: ['endpoints', 'path'],
  rbd: ['image'],
  quobyte: ['registry', 'volume'],
  cinder: ['volumeID'],
  flexVolume: ['driver'],
  azureFile: ['secretName', 'shareName'],
  vsphereVolume: ['volumePath'],
  photonPersistentDisk: ['pdID'],
  portworxVolume: ['volumeID'],
  azureDisk: ['diskName', 'diskURI'],
  scaleIO: ['gateway', 'system', 'volumeName'],
  storageos: ['volumeName'],
};

/** List fields the in-tree validators require to be non-empty. */
const REQUIRED_LISTS: Record<string, readonly string[]> = {
  rbd: ['monitors'],
  cephfs: ['monitors'],
};

const ISCSI_IQN = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\s]+)$/;
const ISCSI_EUI = /^eui.[A-Za-z0-9]{16}$/;
const ISCSI_NAA = /^naa.[A-Za-z0-9]{32}$/;

function required(path: JsonPath, detail = ''): Problem {
  return {
    path,
    target: 'value',
    message: `${formatPath(path)}: Required value${detail ? `: ${detail}` : ''}`,
  };
}

function invalid(path: JsonPath, value: unknown, detail: string): Problem {
  return {
    path,
    target: 'value',
    message: `${formatPath(path)}: Invalid value: ${JSON.stringify(value)}: ${detail}`,
  };
}

/** validatePathNoBacksteps: no '..' path element. */
function checkNoBacksteps(path: JsonPath, value: string, out: Problem[]): void {
  if (value.split('/').includes('..')) out.push(invalid(path, value, "must not contain '..'"));
}

function checkHostPath(source: JsonObject, path: JsonPath, out: Problem[]): void {
  const hostPath = source.path;
  if (hostPath === '') {
    out.push(required([...path, 'path'], 'the directory or file on the node'));
    return;
  }
  if (typeof hostPath === 'string') checkNoBacksteps([...path, 'path'], hostPath, out);
  const type = source.type;
  if (typeof type === 'string' && !HOST_PATH_TYPES.includes(type)) {
    out.push({
      path: [...path, 'type'],
      target: 'value',
      message: `${formatPath([...path, 'type'])}: Unsupported value: ${JSON.stringify(type)}: supported values: ${HOST_PATH_TYPES.map((t) => JSON.stringify(t)).join(', ')}`,
    });
  }
}

function checkLocal(source: JsonObject, path: JsonPath, out: Problem[]): void {
  const localPath = source.path;
  if (localPath === '') out.push(required([...path, 'path']));
  else if (typeof localPath === 'string') checkNoBacksteps([...path, 'path'], localPath, out);
}

function checkNfs(source: JsonObject, path: JsonPath, out: Problem[]): void {
  if (source.server === '') out.push(required([...path, 'server']));
  const nfsPath = source.path;
  if (nfsPath === '') out.push(required([...path, 'path']));
  else if (typeof nfsPath === 'string' && !nfsPath.startsWith('/')) {
    out.push(invalid([...path, 'path'], nfsPath, 'must be an absolute path'));
  }
}

/** validatePVSecretReference: name (DNS-1123 subdomain) and namespace (DNS-1123 label) required. */
function checkSecretReference(ref: JsonObject, path: JsonPath, out: Problem[]): void {
  const name = ref.name;
  if (name === undefined || name === null || name === '') out.push(required([...path, 'name']));
  else if (typeof name === 'string') {
    const problems = checkDns1123Subdomain(name);
    if (problems.length > 0) out.push(invalid([...path, 'name'], name, problems.join('; ')));
  }
  const namespace = ref.namespace;
  if (namespace === undefined || namespace === null || namespace === '')
    out.push(required([...path, 'namespace']));
  else if (typeof namespace === 'string') {
    const problems = checkDns1123Label(namespace);
    if (problems.length > 0)
      out.push(invalid([...path, 'namespace'], namespace, problems.join('; ')));
  }
}

function checkCsi(source: JsonObject, path: JsonPath, out: Problem[]): void {
  const driver = source.driver;
  if (driver === '')
    out.push(required([...path, 'driver'], 'the name of the CSI driver (e.g. ebs.csi.aws.com)'));
  else if (typeof driver === 'string') {
    const problems: string[] = [];
    if (driver.length > 63) problems.push('may not be more than 63 bytes');
    problems.push(...checkDns1123Subdomain(driver.toLowerCase()));
    if (problems.length > 0) out.push(invalid([...path, 'driver'], driver, problems.join('; ')));
  }
  if (source.volumeHandle === '') out.push(required([...path, 'volumeHandle']));
  for (const field of [
    'controllerPublishSecretRef',
    'controllerExpandSecretRef',
    'nodePublishSecretRef',
    'nodeExpandSecretRef',
  ]) {
    const ref = source[field];
    if (isJsonObject(ref)) checkSecretReference(ref, [...path, field], out);
  }
}

function checkIscsiName(value: string, path: JsonPath, out: Problem[]): void {
  if (!value.startsWith('iqn') && !value.startsWith('eui') && !value.startsWith('naa')) {
    out.push(invalid(path, value, 'must be valid format starting with iqn, eui, or naa'));
  } else if (
    (value.startsWith('iqn') && !ISCSI_IQN.test(value)) ||
    (value.startsWith('eui') && !ISCSI_EUI.test(value)) ||
    (value.startsWith('naa') && !ISCSI_NAA.test(value))
  ) {
    out.push(
      invalid(
        path,
        value,
        'must be valid format (e.g. iqn.2001-04.com.example:storage.disk1, eui.02004567A425678D or naa.<32 hex digits>)',
      ),
    );
  }
}

function checkIscsi(source: JsonObject, path: JsonPath, pvName: string, out: Problem[]): void {
  const portal = source.targetPortal;
  if (portal === '') out.push(required([...path, 'targetPortal']));
  const initiator = source.initiatorName;
  if (
    typeof initiator === 'string' &&
    typeof portal === 'string' &&
    `${pvName}:${portal}`.length > 64
  ) {
    out.push(
      invalid(
        [...path, 'targetPortal'],
        portal,
        'Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.',
      ),
    );
  }
  const iqn = source.iqn;
  if (iqn === '') out.push(required([...path, 'iqn']));
  else if (typeof iqn === 'string') checkIscsiName(iqn, [...path, 'iqn'], out);
  const lun = source.lun;
  if (typeof lun === 'number' && (lun < 0 || lun > 255)) {
    out.push(invalid([...path, 'lun'], lun, 'must be between 0 and 255, inclusive'));
  }
  const secretRef = source.secretRef;
  if (
    (source.chapAuthDiscovery === true || source.chapAuthSession === true) &&
    !isJsonObject(secretRef)
  ) {
    out.push({
      path,
      message: `${formatPath([...path, 'secretRef'])}: Required value: CHAP authentication needs a secretRef`,
    });
  }
  if (
    isJsonObject(secretRef) &&
    (secretRef.name === undefined || secretRef.name === null || secretRef.name === '')
  ) {
    out.push(required([...path, 'secretRef', 'name']));
  }
  if (typeof initiator === 'string') checkIscsiName(initiator, [...path, 'initiatorName'], out);
}

function checkRequiredFields(
  source: JsonObject,
  name: string,
  path: JsonPath,
  out: Problem[],
): void {
  for (const field of REQUIRED_STRINGS[name] ?? []) {
    if (source[field] === '') out.push(required([...path, field]));
  }
  for (const field of REQUIRED_LISTS[name] ?? []) {
    const list = source[field];
    if (Array.isArray(list) && list.length === 0) out.push(required([...path, field]));
  }
}

export const pvVolumeSourceFieldInvalid: Rule = {
  codes: [PV_VOLUME_SOURCE_FIELD_INVALID],
  kinds: ['/PersistentVolume'],
  check(context) {
    const { manifest } = context;
    const sources = presentSources(manifest);
    const checked = sources.slice(0, 1);
    if (sources.includes('flexVolume') && checked[0] !== 'flexVolume') checked.push('flexVolume');
    const problems: Problem[] = [];
    for (const name of checked) {
      const path = ['spec', name];
      const source = getAt(manifest.body, path);
      if (!isJsonObject(source)) continue;
      if (name === 'hostPath') checkHostPath(source, path, problems);
      else if (name === 'local') checkLocal(source, path, problems);
      else if (name === 'nfs') checkNfs(source, path, problems);
      else if (name === 'csi') checkCsi(source, path, problems);
      else if (name === 'iscsi') checkIscsi(source, path, manifest.name ?? '', problems);
      else checkRequiredFields(source, name, path, problems);
    }
    for (const problem of problems)
      context.report({ code: PV_VOLUME_SOURCE_FIELD_INVALID, ...problem });
  },
};
