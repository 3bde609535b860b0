"""A minimal Flask app, reachable only through Cloudflare Tunnel and Access."""
from flask import Flask
from flask_restful import Api, Resource

app = Flask(__name__)
api = Api(app)


class WebApp(Resource):
    def get(self):
        return {"Hello": "Flask deployed in ECS"}


class Health(Resource):
    def get(self):
        return {"status": "ok"}


api.add_resource(WebApp, "/hello")
api.add_resource(Health, "/health")
