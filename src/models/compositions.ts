// compositions.ts — the composition schemes of assembly/spectral/yoshida.ts as the JS side names them: the kernel's
// scheme code and the number of Strang stages (FFT pairs / kicks) per step. Shared by the NLSE and Klein–Gordon models.

export const COMPOSITION_SCHEME: Record<string, number> = { strang: 2, strang_exact: 2, yoshida4: 4, yoshida6: 6, kahanli6: 16 };
export const COMPOSITION_STAGES: Record<string, number> = { strang: 1, strang_exact: 1, yoshida4: 3, yoshida6: 7, kahanli6: 9 };
