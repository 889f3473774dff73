# JupyterHub configuration for a class on one machine; `./course hub` starts it (see hub/README.md).
#
# Learners are the members of one Unix group (COURSE_HUB_GROUP) who log in with their own password
# (PAM); nobody can sign up. Each gets a single-user Jupyter server running as their own Unix user,
# with the course folder ~/java-fine-tuning-course (their copy of the learner release's notebooks,
# their gradebook, their caches) and the course kernel of the learner release, sized for a class.
import os
import subprocess

c = get_config()  # noqa: F821 (JupyterHub defines it)

HUB_DIR = os.environ["COURSE_HUB_DIR"]          # set by ./course hub
RELEASE = os.path.join(HUB_DIR, "release")     # the learner edition, built (./course release)
FOLDER = os.environ["COURSE_HUB_FOLDER"]       # each learner's course folder, in their home
GROUP = os.environ["COURSE_HUB_GROUP"]
PORT = int(os.environ["COURSE_HUB_PORT"])

# Loopback unless the instructor says otherwise; the hub's own two ports follow the public one, so a
# second hub (the tests') on another port does not collide with the first.
c.JupyterHub.ip = os.environ["COURSE_HUB_IP"]
c.JupyterHub.port = PORT
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = PORT + 1
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PORT + 2}"
c.ConfigurableHTTPProxy.pid_file = os.path.join(HUB_DIR, "state", "proxy.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(HUB_DIR, "state", "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(HUB_DIR, "state", "cookie_secret")
# Ctrl-C or SIGTERM stops every learner's server and the proxy too: nothing outlives the hub.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
# Debian's proxy finds its modules where Debian's node looks (/usr/share/nodejs); a node from elsewhere
# first on PATH (e.g. a newer one from another package source) does not look there by itself.
os.environ["NODE_PATH"] = ":".join(p for p in ("/usr/share/nodejs", "/usr/lib/nodejs", os.environ.get("NODE_PATH")) if p)

# PAM: the machine's own accounts and passwords, limited to the class's group. No admin users: the
# instructor works as root on the machine (./course hub collect | return).
c.JupyterHub.authenticator_class = "pam"
c.PAMAuthenticator.allowed_groups = {GROUP}
c.PAMAuthenticator.admin_users = set()
c.PAMAuthenticator.open_sessions = False   # no login sessions to open for a web login (and none in containers)

# Each learner's server: the classic notebook server, as their own user, in their course folder.
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = ["jupyterhub-singleuser"]
c.Spawner.notebook_dir = "~/" + FOLDER
c.Spawner.default_url = "/tree/notebooks"
c.Spawner.args = ["--MappingKernelManager.default_kernel_name=java"]   # the course kernel; python3 stays available
c.Spawner.environment = {
    "JUPYTERHUB_SINGLEUSER_APP": "notebook.notebookapp.NotebookApp",
    "JUPYTER_PATH": os.path.join(HUB_DIR, "jupyter"),     # the hub's course kernel only
    "COURSE_LEARNER": lambda spawner: spawner.user.name,  # the id in the learner's gradebook
    # The kernel reads its data and DJL's libraries from the release, and writes its own caches here.
    "COURSE_HOME": lambda spawner: os.path.join(os.path.expanduser("~" + spawner.user.name), FOLDER),
}
# Limits: the local spawner cannot enforce these (it only passes them on as MEM_LIMIT and CPU_LIMIT);
# spawners with cgroups (KubeSpawner, SystemdSpawner) do. The kernel's heap and its one PyTorch thread
# are set in its kernelspec (./course hub), which is what keeps a class within one machine here.
# COURSE_FAST=1 given to ./course hub reaches every kernel (fast mode: small data, few epochs), e.g. for a
# demonstration or hub/load_check.py --fast; unset, learners get the full lessons.
c.Spawner.env_keep = ["PATH", "LANG", "LC_ALL", "COURSE_FAST"]
c.Spawner.mem_limit = os.environ["COURSE_HUB_MEM_LIMIT"]
c.Spawner.cpu_limit = float(os.environ["COURSE_HUB_CPU_LIMIT"])
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120


def give_course_folder(spawner):
    """Before a learner's server starts: their home closed to others, their course folder filled.

    The copy runs as the learner (runuser), so nothing in their home is written by root; notebooks
    they already have are kept, new lessons of the release are added.
    """
    name = spawner.user.name
    home = os.path.expanduser("~" + name)
    os.chmod(home, 0o700)   # useradd's default is 755: other learners could read this learner's work
    script = r'''
set -e
umask 077
mkdir -p "$1/notebooks" "$1/.cache"
cp -r -n "$2/notebooks/." "$1/notebooks/"
for shared in datasets djl; do [ -e "$1/.cache/$shared" ] || ln -s "$2/.cache/$shared" "$1/.cache/$shared"; done
'''
    subprocess.run(["runuser", "-u", name, "--", "/bin/sh", "-c", script, "sh", os.path.join(home, FOLDER), RELEASE],
                   check=True, timeout=120)


c.Spawner.pre_spawn_hook = give_course_folder
