/** `io` namespace: config files, NetCDF-3, CSV/JSON — plain data in, bytes or text out; no model imports. */
export { readConfig, parseText, closestKey, camelCase, scenarioStem, ConfigError, type ParsedConfig, type ConfigObject, type ConfigValue } from "./io/config.js";
export { SCHEMAS, type Seed, type KeySpec } from "./io/config-schema.js";
export { NetCDFWriter, memorySink, encode, type Sink, type NcSchema, type NcVarSpec, type NcDimSpec } from "./io/netcdf-writer.js";
export { NlseNetCDF } from "./io/nlse-netcdf.js";
export { KgNetCDF } from "./io/kg-netcdf.js";
export { SchoolNetCDF } from "./io/school-netcdf.js";
export { RunNetCDF } from "./io/run-netcdf.js";
export { readNetCDF, NetCDFError, type NcFile, type NcFileVar, type NcFileDim } from "./io/netcdf-reader.js";
export { ncDouble, ncInt, ncFloat, type NcType, type NcAttr } from "./io/netcdf-format.js";
export { formatE, toCsv, columns, toJson } from "./io/csv.js";
