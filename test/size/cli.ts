// npm run size: prints the packages' sizes and fails (exit 1) when a budget is broken or a file
// reaches into another package.
import path from 'node:path';
import { formatReport, measure } from './package-size';

const report = measure(path.resolve(process.argv[2] ?? 'miniprogram'));
console.log(formatReport(report));
process.exitCode = report.problems.length ? 1 : 0;
