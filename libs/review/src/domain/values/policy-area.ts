/** 基本目標 1–3 and プラス1 (広域連携等による魅力ある地域づくり); プラス1 is numbered 4 in project codes. */
export type PolicyArea = '1' | '2' | '3' | 'プラス1';

export const POLICY_AREAS: readonly PolicyArea[] = ['1', '2', '3', 'プラス1'];

export const isPolicyArea = (value: unknown): value is PolicyArea => typeof value === 'string' && (POLICY_AREAS as readonly string[]).includes(value);
