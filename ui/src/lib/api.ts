// Typed calls to the Rust commands. Types come from `bindings.ts`, generated from Rust.
import { invoke } from '@tauri-apps/api/core';
import type { AppInfo, CaseListQuery, CaseSummary, IpcError, NewCase } from './bindings';

/** Every failed command rejects with an IpcError; anything else (a crash in IPC) is wrapped. */
export function asIpcError(error: unknown): IpcError {
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { code, message, field } = error as IpcError;
    return { code: String(code), message: String(message), field: field ?? null };
  }
  return { code: 'internal', message: String(error), field: null };
}

async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw asIpcError(error);
  }
}

export const api = {
  appInfo: () => call<AppInfo>('app_info'),
  createCase: (intake: NewCase) => call<CaseSummary>('create_case', { intake }),
  listCases: (query: CaseListQuery) => call<CaseSummary[]>('list_cases', { query }),
};
