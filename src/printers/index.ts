/**
 * The output layer's public API: pure functions from objects to the exact
 * text kubectl v1.32 prints. Commands pick one printer per `-o` value.
 */

export { humanDuration, shortHumanDuration, translateTimestampSince } from './duration';
export { formatTable, formatTabbedLines, TABWRITER_MIN_WIDTH, TABWRITER_PADDING } from './table';
export type { TableOptions } from './table';
export { joinYamlDocuments, toKubectlList, toKubectlYaml } from './yaml';
export { formatGoFloat, quoteGoJsonString, toGoJsonCompact, toKubectlJson } from './json';
export type { JsonOptions } from './json';
export { compileJsonPath, findJsonPathResults, JsonPathExecuteError, JsonPathParseError, printJsonPath } from './jsonpath';
export type { JsonPathOptions, JsonPathTemplate } from './jsonpath';
export {
  parseCustomColumnsSpec,
  parseCustomColumnsTemplate,
  printCustomColumns,
  relaxedJsonPathExpression,
} from './custom-columns';
export type { CustomColumn, CustomColumnsOptions } from './custom-columns';
export { compileGoTemplate, GoTemplateExecuteError, GoTemplateParseError, printGoTemplate } from './go-template';
export type { GoTemplate, GoTemplateOptions } from './go-template';
export { formatResourceName, printNames } from './name';
export type { DryRunMode } from './name';
export * from './generators';
