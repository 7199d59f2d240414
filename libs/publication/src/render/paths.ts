/** Where an edition's documents are served; baked into the bytes so an edition always links to itself. */
export const editionPath = (fy: number, edition: number): string => `/public/${fy}/editions/${edition}`;

export const editionsPath = (fy: number): string => `/public/${fy}/editions`;
