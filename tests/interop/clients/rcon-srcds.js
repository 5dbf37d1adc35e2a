// Drives npm's rcon-srcds: node rcon-srcds.js HOST PORT COMMAND; the password comes from RCON_PASSWORD.
// Prints the answer as received; exit 3 when authentication is refused, 1 on any other error.
const Rcon = require("rcon-srcds").default;

(async () => {
  const [host, port, command] = process.argv.slice(2);
  const server = new Rcon({ host, port: Number(port), encoding: "utf8", timeout: 5000 });
  try {
    await server.authenticate(process.env.RCON_PASSWORD);
  } catch (e) {
    console.error(`auth: ${e.message}`);
    process.exit(/authenticate/i.test(e.message) ? 3 : 1);
  }
  try {
    process.stdout.write(await server.execute(command));
  } catch (e) {
    console.error(`execute: ${e.message}`);
    process.exitCode = 1;
  } finally {
    server.disconnect();
  }
})();
