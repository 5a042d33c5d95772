// neighbors/index.ts — exports of the neighbour-search kernels.
export { gridCreate, gridFree, gridBuild, gridInfo, gridCellSize } from "./grid";
export { gridRadius, gridPairs } from "./radius";
export { gridKnn } from "./knn";
export { brutePairs, bruteKnn } from "./brute";
