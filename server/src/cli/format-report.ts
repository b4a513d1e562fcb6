import type { EndpointReport, SimulationReport } from '../core/simulation/report';

function endpoints(list: readonly EndpointReport[]): string {
  return list.length === 0 ? '(no endpoints)' : list.map((e) => `${e.ip}:${e.port}`).join(', ');
}

function table(rows: string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd(),
  );
}

/**
 * The report as a newcomer reads it: each node with its pods, IPs and ports;
 * the pods that could not be scheduled and why; each Service with its
 * ClusterIP, ports → endpoints and external access; Ingress routes; claims;
 * ConfigMaps; diagnostics (`file:line:col severity code message`).
 */
export function formatReport(
  report: SimulationReport,
  displayUri: (uri: string) => string,
): string {
  const out: string[] = [];
  const { cluster } = report;
  out.push(
    `Cluster ${cluster.name}: ${cluster.nodes.length} nodes, service CIDR ${cluster.serviceCIDR}, NodePorts ${cluster.nodePortRange}`,
    '',
    'Nodes',
  );
  for (const node of cluster.nodes) {
    const taints = node.taints
      .map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`)
      .join(', ');
    out.push(
      `  ${node.name}  ${node.ip}  pods ${node.podCIDR}${taints ? `  taints ${taints}` : ''}`,
    );
    const pods = report.pods.filter((pod) => pod.node === node.name);
    if (pods.length === 0) out.push('    (no pods)');
    out.push(
      ...table(
        pods.map((pod) => [
          pod.name,
          pod.ip ?? '-',
          pod.phase,
          pod.owner,
          pod.containers
            .flatMap((c) =>
              c.ports.map(
                (p) =>
                  `${p.containerPort}/${p.protocol}${p.hostPort ? ` (host ${p.hostPort})` : ''}`,
              ),
            )
            .join(' ') || '-',
          pod.reason ?? '',
        ]),
        '    ',
      ),
    );
  }
  const pending = report.pods.filter((pod) => pod.node === null);
  if (pending.length > 0) {
    out.push('', 'Unscheduled');
    out.push(
      ...table(
        pending.map((pod) => [pod.name, pod.owner, pod.reason ?? 'Pending']),
        '  ',
      ),
    );
  }
  if (report.services.length > 0) {
    out.push('', 'Services');
    for (const service of report.services) {
      out.push(
        `  ${service.namespace}/${service.name}  ${service.type}  ClusterIP ${service.clusterIP ?? '-'}  ${service.dns}`,
      );
      for (const port of service.ports) {
        const nodePort = port.nodePort
          ? `  nodePort ${port.nodePort}${port.nodePortAssigned ? ' (assigned)' : ''}`
          : '';
        out.push(
          `    ${port.name ? `${port.name} ` : ''}${port.port}/${port.protocol} → ${port.targetPort} → ${endpoints(port.endpoints)}${nodePort}`,
        );
      }
      if (service.externalAccess && service.externalAccess.length > 0) {
        out.push(`    external: ${service.externalAccess.join(' ')}`);
      }
    }
  }
  if (report.ingresses.length > 0) {
    out.push('', 'Ingresses');
    for (const ingress of report.ingresses) {
      out.push(`  ${ingress.namespace}/${ingress.name}  class ${ingress.className ?? '(none)'}`);
      out.push(
        ...table(
          ingress.rules.map((rule) => [
            rule.host,
            rule.path,
            rule.pathType,
            `→ ${rule.service}:${rule.port}`,
            endpoints(rule.endpoints),
          ]),
          '    ',
        ),
      );
      if (ingress.defaultBackend) {
        const backend = ingress.defaultBackend;
        out.push(
          `    default → ${backend.service}:${backend.port}  ${endpoints(backend.endpoints)}`,
        );
      }
    }
  }
  if (report.volumeClaims.length > 0) {
    out.push('', 'Volume claims');
    out.push(
      ...table(
        report.volumeClaims.map((claim) => [
          `${claim.namespace}/${claim.name}`,
          claim.phase,
          claim.request,
          claim.volume ? `→ ${claim.volume}${claim.dynamic ? ' (provisioned)' : ''}` : '',
          claim.storageClass ? `class ${claim.storageClass}` : '',
          claim.reason ?? '',
        ]),
        '  ',
      ),
    );
  }
  const config = [
    ...report.configMaps.map((c) => ({ kind: 'ConfigMap', ...c })),
    ...report.secrets.map((s) => ({ kind: 'Secret', ...s })),
  ];
  if (config.length > 0) {
    out.push('', 'ConfigMaps and Secrets');
    for (const entry of config) {
      const users = [...new Set(entry.usedBy.map((use) => use.pod))];
      const missing = entry.usedBy.filter((use) => !use.found && !use.optional);
      out.push(
        `  ${entry.kind} ${entry.namespace}/${entry.name}${entry.defined ? '' : ' (not defined)'}  keys: ${entry.keys.join(', ') || '-'}  used by: ${users.join(', ') || '-'}${missing.length > 0 ? `  missing: ${missing.map((m) => m.key ?? entry.name).join(', ')}` : ''}`,
      );
    }
  }
  if (report.diagnostics.length > 0) {
    out.push('', 'Diagnostics');
    for (const d of report.diagnostics) {
      out.push(
        `  ${displayUri(d.uri)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
