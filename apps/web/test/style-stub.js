// Jest maps CSS imports here (see jest.config.js): styles do not matter in jsdom.
module.exports = {};
