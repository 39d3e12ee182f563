export function compileWat(name: string, wat: string): Promise<Uint8Array<ArrayBuffer>>;
export function generatedModule(name: string, bytes: Uint8Array): string;
