// Every entity of the county subgraph, as MikroORM loads them.
import { PopulationFigureSchema } from './population-figure.js';

export const entities = [PopulationFigureSchema];
