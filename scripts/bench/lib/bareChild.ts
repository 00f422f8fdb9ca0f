/** The peak RSS of node with nothing else loaded, for comparison with a measured child's. */
import { peakRssMb } from "./measure";

process.stdout.write(`${JSON.stringify({ maxRssMb: peakRssMb() })}\n`);
