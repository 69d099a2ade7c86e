export declare function chromiumArgs(options: { replayPort: number; extensionDir?: string | null }): string[];
