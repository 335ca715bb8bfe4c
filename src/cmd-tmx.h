/* 'tmconv tmx': what the files of the command share.  */

#ifndef TMC_CMD_TMX_H
#define TMC_CMD_TMX_H

/* The subcommands that write TMX (src/cmd-tmx-write.c).  ARGV[0] is
   "tmconv tmx NAME".  */
int tmc_tmx_cmd_convert (int argc, char **argv);
int tmc_tmx_cmd_filter (int argc, char **argv);
int tmc_tmx_cmd_merge (int argc, char **argv);

#endif /* TMC_CMD_TMX_H */
