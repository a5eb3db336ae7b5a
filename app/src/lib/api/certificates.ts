import { publicApi } from './client';
import type { CertificateVerification } from './types';

export async function verifyCertificate(code: string, signal?: AbortSignal): Promise<CertificateVerification> {
  const { data } = await publicApi.get<{ data: CertificateVerification }>(
    `/certificates/verify/${encodeURIComponent(code)}`,
    undefined,
    signal,
  );
  return data;
}
