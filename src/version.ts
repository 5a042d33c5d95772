/** samudra's version, injected at build time from package.json. */
declare const __SAMUDRA_VERSION__: string;
export const version: string = typeof __SAMUDRA_VERSION__ === "string" ? __SAMUDRA_VERSION__ : "0.0.0-dev";
