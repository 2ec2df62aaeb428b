export * from './embedder.js';
export * from './hash-embedder.js';
export * from './onnx-embedder.js';
export * from './open-embedder.js';
