export declare const firefoxPath: () => string;
export declare const webkitDriverPath: () => string;
export declare const xvfbPath: () => string;
export declare const ENGINES: { name: string; binaries: () => string[]; packages: string[]; recommends?: boolean; variable: string }[];
export declare const missingEngines: () => typeof ENGINES;
export declare function ensureEngines(): string[];
