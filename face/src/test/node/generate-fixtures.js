// Step 2 of the fixture generator: runs the original @vladmandic/face-api on the sample photos with the pure-JS
// TensorFlow.js backend ("cpu") and writes what it finds as a JSON test fixture. See README.md for the whole recipe.
//
//   node generate-fixtures.js PIXELS PHOTO_DIR WEIGHTS_DIR OUT_JSON
//
// PIXELS says where the pixels come from:
//   opencv:<dir>  the PNGs that ExportOpenCvPixels.java wrote (OpenCV's decoding, the pixels the Java port sees)
//   jpeg-js       the JPEGs in PHOTO_DIR decoded by jpeg-js (what a Node user of face-api without canvas gets)
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');
const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js');
const jpeg = require('jpeg-js');
const { PNG } = require('pngjs');

const PHOTOS = ['sample1.jpg', 'sample2.jpg', 'sample3.jpg', 'sample4.jpg', 'sample5.jpg', 'sample6.jpg'];
const INPUT_SIZE = 416;
const SMALL_INPUT_SIZE = 320;
const SCORE_THRESHOLD = 0.5;

/** Interleaved RGB bytes, row by row, of one photo. */
function decode(pixels, photoDir, photo) {
  if (pixels === 'jpeg-js') {
    const image = jpeg.decode(fs.readFileSync(path.join(photoDir, photo)), { useTArray: true, formatAsRGBA: false });
    return { width: image.width, height: image.height, rgb: Buffer.from(image.data) };
  }
  if (pixels.startsWith('opencv:')) {
    const png = PNG.sync.read(fs.readFileSync(path.join(pixels.slice('opencv:'.length), photo.replace(/\.jpg$/, '.png'))));
    const rgb = Buffer.alloc(png.width * png.height * 3);
    for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
      rgb[i] = png.data[j];
      rgb[i + 1] = png.data[j + 1];
      rgb[i + 2] = png.data[j + 2];
    }
    return { width: png.width, height: png.height, rgb };
  }
  throw new Error(`unknown PIXELS ${pixels}: use opencv:<dir> or jpeg-js`);
}

/** The shortest decimal that parses back to the same float32. */
function float32(value) {
  for (let digits = 1; digits < 10; digits++) {
    const text = value.toPrecision(digits);
    if (Math.fround(Number(text)) === value) {
      return Number(text);
    }
  }
  return value;
}

const micro = (value) => Math.round(value * 1e6) / 1e6;
const rect = (box) => [box.x, box.y, box.width, box.height];

async function main() {
  const [pixels, photoDir, weightsDir, outJson] = process.argv.slice(2);
  if (!outJson) {
    throw new Error('usage: node generate-fixtures.js PIXELS PHOTO_DIR WEIGHTS_DIR OUT_JSON');
  }
  await tf.setBackend('cpu');
  await tf.ready();
  await faceapi.nets.tinyFaceDetector.loadFromDisk(weightsDir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(weightsDir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(weightsDir);

  const photos = [];
  for (const photo of PHOTOS) {
    const started = Date.now();
    const { width, height, rgb } = decode(pixels, photoDir, photo);
    const image = tf.tensor3d(Int32Array.from(rgb), [height, width, 3], 'int32');
    const options = new faceapi.TinyFaceDetectorOptions({ inputSize: INPUT_SIZE, scoreThreshold: SCORE_THRESHOLD });
    const results = await faceapi.detectAllFaces(image, options).withFaceLandmarks().withFaceDescriptors();
    const small = await faceapi.detectAllFaces(image, new faceapi.TinyFaceDetectorOptions(
      { inputSize: SMALL_INPUT_SIZE, scoreThreshold: SCORE_THRESHOLD }));
    image.dispose();
    photos.push({
      file: photo,
      width,
      height,
      rgbSha256: crypto.createHash('sha256').update(rgb).digest('hex'),
      faces: results.map((face) => ({
        box: rect(face.detection.box),
        score: face.detection.score,
        landmarkCrop: rect(face.detection.box.clipAtImageBorders(width, height)),
        landmarks: face.landmarks.positions.flatMap((point) => [micro(point.x), micro(point.y)]),
        alignedCrop: rect(face.landmarks.align(null, { useDlibAlignment: true }).clipAtImageBorders(width, height)),
        descriptor: Array.from(face.descriptor, float32),
      })),
      [`detections${SMALL_INPUT_SIZE}`]: small.map((face) => ({ box: rect(face.box), score: face.score })),
    });
    console.log(`${photo}: ${results.length} faces (${small.length} at ${SMALL_INPUT_SIZE}) in ${Date.now() - started} ms`);
  }
  const versions = JSON.parse(fs.readFileSync(path.join(__dirname, 'package.json'), 'utf8')).dependencies;
  const fixture = {
    generator: {
      script: 'face/src/test/node/generate-fixtures.js',
      packages: versions,
      node: process.version,
      backend: tf.getBackend(),
      pixels: pixels.startsWith('opencv:') ? 'opencv' : pixels,
      inputSize: INPUT_SIZE,
      scoreThreshold: SCORE_THRESHOLD,
      rounding: 'landmarks rounded to 1e-6 px; descriptors as the shortest decimals of their float32 values',
    },
    photos,
  };
  fs.writeFileSync(outJson, `${JSON.stringify(fixture)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
