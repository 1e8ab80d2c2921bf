/**
 * Where the demo intakes were taken (ISO 3166-2), cycled by person index like the owners: most in
 * Chiang Rai, where the demo's provincial office and shelter work, the others at the Myanmar border
 * in Tak, in Bangkok and in the fishing and factory provinces of the coast; Cambodia's at the Poipet
 * border and in the provinces returnees go home to. Chiang Rai's seven leave enough beside them
 * hidden for the map to show Chiang Rai's count and the other provinces as too few to publish.
 */
const DEMO_INTAKE_LOCATIONS: Record<string, readonly string[]> = {
  TH: [
    'TH-57', // Chiang Rai
    'TH-57',
    'TH-63', // Tak (Mae Sot)
    'TH-63',
    'TH-63',
    'TH-57',
    'TH-90', // Songkhla
    'TH-57',
    'TH-57',
    'TH-57',
    'TH-10', // Bangkok
    'TH-20', // Chon Buri
    'TH-20',
    'TH-57',
    'TH-90',
    'TH-10',
  ],
  KH: ['KH-1', 'KH-12', 'KH-2', 'KH-17'],
};

/** The province a demo intake was taken in, or none where the country's demo names none. */
export function demoIntakeLocation(countryCode: string, index: number): string | undefined {
  const locations = DEMO_INTAKE_LOCATIONS[countryCode];
  return locations?.[index % locations.length];
}
