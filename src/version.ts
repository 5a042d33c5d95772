declare const __SAMUDRA_VERSION__: string;
/**
 * samudra's version, injected at build time from package.json ("0.0.0-dev" when running from source).
 *
 * @example
 * import { version } from "samudra";
 * console.log(version);   // "0.1.0"
 */
export const version: string = typeof __SAMUDRA_VERSION__ === "string" ? __SAMUDRA_VERSION__ : "0.0.0-dev";
