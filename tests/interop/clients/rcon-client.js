// Drives npm's rcon-client (janispritzkau): node rcon-client.js HOST PORT COMMAND; the password comes from RCON_PASSWORD.
// Prints the answer as received; exit 3 when authentication is refused, 1 on any other error.
const { Rcon } = require("rcon-client");

(async () => {
  const [host, port, command] = process.argv.slice(2);
  const rcon = new Rcon({ host, port: Number(port), password: process.env.RCON_PASSWORD, timeout: 5000 });
  try {
    await rcon.connect();
  } catch (e) {
    console.error(`connect/auth: ${e.message}`);
    process.exit(/auth/i.test(e.message) ? 3 : 1);
  }
  try {
    process.stdout.write(await rcon.send(command));
  } catch (e) {
    console.error(`send: ${e.message}`);
    process.exitCode = 1;
  } finally {
    await rcon.end().catch(() => {});
  }
})();
