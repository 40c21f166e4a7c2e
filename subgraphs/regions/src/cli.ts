// `pnpm migrate | seed | seed:county-scale | migration:create | retention [--dry-run]
// | import-business-register --file <file> | --url <address>` for the regions subgraph.
import { resolve } from 'node:path';
import { subgraphCli, withSubgraphDatabase } from '@etablerer/kit';
import {
  type BusinessRegisterSource,
  logBusinessRegisterImport,
  runBusinessRegisterImport,
} from './business-register.js';
import { regionsSubgraph } from './server.js';

const [command, ...args] = process.argv.slice(2);

if (command === 'import-business-register') {
  // The register of legal entities' bulk file once, now (it also runs on BUSINESS_REGISTER_SCHEDULE).
  const option = (name: string) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const [file, url] = [option('file'), option('url')];
  if (!file === !url) {
    throw new Error(
      'Usage: node dist/cli.js import-business-register --file <enheter_alle.json.gz> | --url <address> (e.g. https://data.brreg.no/enhetsregisteret/api/enheter/lastned)',
    );
  }
  // pnpm runs scripts in the package folder; a relative path is meant from where the user stood.
  const source: BusinessRegisterSource = file
    ? { file: resolve(process.env.INIT_CWD ?? process.cwd(), file) }
    : { url: url as string };
  logBusinessRegisterImport(
    await withSubgraphDatabase(regionsSubgraph, (orm) => runBusinessRegisterImport(orm, source)),
  );
} else {
  await subgraphCli(regionsSubgraph, command, ...args);
}
