/**
 * Go-template actions that only Helm charts use. `{{ $labels.x }}` inside a
 * ConfigMap (Prometheus rules) is data, not Helm, so plain `{{` is not enough.
 */
const HELM_ACTION =
  /\{\{-?\s*(?:\.Values|\.Release|\.Chart|\.Capabilities|\.Files|\.Template|include\s|template\s|if\s|else\b|end\b|range\s|with\s|define\s|toYaml\b|tpl\s|required\s|default\s|\$\.)/;

/** The offset of the first Helm template action in a document, or -1. */
export function findHelmTemplate(text: string): number {
  if (!text.includes('{{')) return -1;
  const match = HELM_ACTION.exec(text);
  return match ? match.index : -1;
}
