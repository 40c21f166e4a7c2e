// Entities of the regions subgraph as the partners subgraph holds them: by id only.
export interface EntityReference {
  id: string;
}
