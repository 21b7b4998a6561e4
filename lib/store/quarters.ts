// Default quarter boundaries of a Russian school year; each workspace can edit its own.
// Kept here (not in lib/periods) so a workspace can be created without the period parser.
export function defaultQuartersFor(
  schoolYear: string,
): { name: string; start: string; end: string }[] {
  const first = Number(schoolYear.slice(0, 4));
  const second = first + 1;
  return [
    { name: 'I четверть', start: `${first}-09-01`, end: `${first}-10-27` },
    { name: 'II четверть', start: `${first}-11-05`, end: `${first}-12-28` },
    { name: 'III четверть', start: `${second}-01-09`, end: `${second}-03-23` },
    { name: 'IV четверть', start: `${second}-04-01`, end: `${second}-05-31` },
  ];
}
