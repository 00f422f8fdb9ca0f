/*
 * HTTPS options for `npm run dev-server`. On Windows and macOS office-addin-dev-certs creates the
 * localhost certificates and installs their CA as usual. On Linux it would run `sudo` (absent on
 * many machines, and pointless as root); here the certificates are created without it (in
 * ~/.office-addin-dev-certs, renewed when expired) and the CA is installed into the system store
 * only when running as root with update-ca-certificates; otherwise one line says how to trust it.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const crypto = require("crypto");
const { execFileSync } = require("child_process");

function readOptions(dir) {
  const read = (f) => fs.readFileSync(path.join(dir, f));
  return { ca: read("ca.crt"), key: read("localhost.key"), cert: read("localhost.crt") };
}

/** The certificate files exist and the localhost one is valid for another day. */
function usable(dir) {
  try {
    const cert = new crypto.X509Certificate(fs.readFileSync(path.join(dir, "localhost.crt")));
    fs.accessSync(path.join(dir, "localhost.key"));
    fs.accessSync(path.join(dir, "ca.crt"));
    return Date.parse(cert.validTo) > Date.now() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/** As root with Debian's update-ca-certificates: install the CA without sudo. */
function installCaAsRoot(caPath) {
  const tool = "/usr/sbin/update-ca-certificates";
  if (typeof process.getuid !== "function" || process.getuid() !== 0 || !fs.existsSync(tool)) return false;
  const dir = "/usr/local/share/ca-certificates/office-addin-dev-certs";
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(caPath, path.join(dir, "office-addin-dev-certs-ca.crt"));
  execFileSync(tool, { stdio: "ignore" });
  return true;
}

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  if (process.platform !== "linux") {
    const o = await devCerts.getHttpsServerOptions();
    return { ca: o.ca, key: o.key, cert: o.cert };
  }
  const dir = path.join(require("os").homedir(), ".office-addin-dev-certs");
  if (!usable(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    const ca = path.join(dir, "ca.crt");
    await devCerts.generateCertificates(ca, path.join(dir, "localhost.crt"), path.join(dir, "localhost.key"));
    const installed = installCaAsRoot(ca);
    console.log(
      installed
        ? `dev-server: certificates created in ${dir}, their CA added to the system store (browsers with their own store, e.g. Chromium's NSS, need ${ca} imported there).`
        : `dev-server: certificates created in ${dir}; to trust https://localhost, import ${ca} as a trusted authority in your browser (or, as root: cp it to /usr/local/share/ca-certificates/ and run update-ca-certificates).`,
    );
  }
  return readOptions(dir);
}

module.exports = { httpsOptions };
