// Who works with the population page: the county's officers import SSB's figures (the graph refuses everyone else).
export function importsPopulation(role: string | undefined): boolean {
  return role === 'COUNTY_OFFICER';
}
