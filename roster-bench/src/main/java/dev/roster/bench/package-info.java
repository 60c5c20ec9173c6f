/** Load generators that drive a running Roster over HTTP. */
package dev.roster.bench;
